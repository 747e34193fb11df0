/** Published regulator reports, listed and served to auditors (all) and regulators (their jurisdiction's only). */
package io.ledgernode.node.report;
