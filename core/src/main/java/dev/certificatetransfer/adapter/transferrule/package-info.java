/**
 * {@link dev.certificatetransfer.adapter.transferrule.AllowListTransferRule}: the transfer rule of per-target allow
 * lists (ours: docs/behaviour.md, section 14). No method here accepts or returns {@code null}.
 */
package dev.certificatetransfer.adapter.transferrule;
