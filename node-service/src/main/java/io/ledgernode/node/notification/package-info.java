/** node-service's own schema in the node's database, where webhooks and alerts are kept. */
package io.ledgernode.node.notification;
