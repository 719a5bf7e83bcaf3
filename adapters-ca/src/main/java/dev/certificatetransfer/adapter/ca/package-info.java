/**
 * The deployment's certificate authority: {@link dev.certificatetransfer.adapter.ca.BouncyCastleCertificateIssuer}
 * issues the certificates of CreateKeysAndCertificate and CreateCertificateFromCsr, signed by a CA it reads from an
 * {@link dev.certificatetransfer.port.out.AuthorityStore} or creates there on the first start
 * (docs/behaviour.md#16-certificates-the-deployment-issues). The PEM handling, the reading of signing requests and
 * the CA itself are package-private.
 */
package dev.certificatetransfer.adapter.ca;
