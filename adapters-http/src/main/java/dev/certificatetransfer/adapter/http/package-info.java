/**
 * The certificate-transfer operations over HTTP on Jetty 12, in the AWS wire format (with Signature V4) and in
 * the JSON envelope of the original API document. Built in the roadmap's third step; this module is a
 * placeholder until then.
 */
package dev.certificatetransfer.adapter.http;
