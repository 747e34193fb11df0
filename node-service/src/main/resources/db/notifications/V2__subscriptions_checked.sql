-- How far each subscription has been looked at with nothing left to send: the mirror's height, and the last alert id,
-- at the end of a round that sent it everything up to there. The dispatcher serves a subscription again only once the
-- mirror or the alerts moved past these (or a retry is due), so an idle node does no work per subscription: before
-- this, every round (5 a second) read every active subscription's entries whether or not a block had come.
-- -1 / -1: never looked at, served in the next round.
ALTER TABLE subscriptions ADD COLUMN checked_height BIGINT NOT NULL DEFAULT -1;
ALTER TABLE subscriptions ADD COLUMN checked_alert BIGINT NOT NULL DEFAULT -1;
