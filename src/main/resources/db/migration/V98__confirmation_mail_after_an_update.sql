-- A second signature with the same address before confirmation updates the pending one; the confirmation mail it
-- sends says that the details changed, so the mailbox owner checks them before confirming.
ALTER TABLE confirmation_mail ADD COLUMN after_update boolean NOT NULL DEFAULT false;
