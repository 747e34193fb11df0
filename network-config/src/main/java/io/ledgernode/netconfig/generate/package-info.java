/** Writers that turn a {@link io.ledgernode.netconfig.model.NetworkDescription} into files. */
package io.ledgernode.netconfig.generate;
