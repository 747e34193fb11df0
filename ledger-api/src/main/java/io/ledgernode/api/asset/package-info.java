/** {@code Assets}: asset registration by the issuer, asset records and their supply. */
package io.ledgernode.api.asset;
