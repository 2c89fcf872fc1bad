-- A partner may deliver a figure as withheld at source ("<5": somewhere from 1 to 4). The store keeps that as it is,
-- so that totals can show a range instead of treating the value as 0. Rows stored before are exact values.
-- Version 140 is in the dashboard data range (see the migration ranges in the developer docs); portable SQL for
-- PostgreSQL and H2.

ALTER TABLE observation_history ADD COLUMN withheld BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE observation_current ADD COLUMN withheld BOOLEAN DEFAULT FALSE NOT NULL;
