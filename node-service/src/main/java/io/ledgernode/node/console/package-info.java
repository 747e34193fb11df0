/**
 * The web console, served under {@code /console/} on the API's own origin: its built files (the console module's jar),
 * the sign-in settings it reads ({@code /console/config.json}), and the development sign-in of a local node. The
 * console reads and writes only through the versioned API, with the caller's own token and role rules.
 */
package io.ledgernode.node.console;
