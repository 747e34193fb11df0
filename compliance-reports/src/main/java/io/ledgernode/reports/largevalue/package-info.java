/**
 * The large-value report: per party (the owner of accounts, shown by pseudonym), asset, direction and UTC day, the
 * total moved through the party's accounts of the jurisdiction, reported when it is over the asset's threshold,
 * with every contributing transaction. Outgoing and incoming are totalled separately (netting them would hide a
 * party that moves large sums through its accounts). Only movements that change hands count: transfers, captures,
 * mints (incoming) and burns (outgoing); placing and releasing a hold leaves the money with its owner.
 */
package io.ledgernode.reports.largevalue;
