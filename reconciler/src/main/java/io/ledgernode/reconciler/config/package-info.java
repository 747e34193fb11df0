/**
 * The reconciler's configuration: {@code application.yaml} holds every setting with its default; an operator's file
 * and {@code --set key=value} override them; the result is one record tree, validated once at start and passed down
 * through constructors.
 */
package io.ledgernode.reconciler.config;
