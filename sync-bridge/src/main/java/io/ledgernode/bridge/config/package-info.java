/** The bridge's configuration: application.yaml holds every default; an operator's file overrides any of them. */
package io.ledgernode.bridge.config;
