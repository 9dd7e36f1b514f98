-- "My notifications" read state: read_at (V002) is set when the holder marks a notice read. The
-- unread count and the unread-only list read this index, which holds the unread notices only, so it
-- stays small however many notices a holder has read.

CREATE INDEX notices_unread_by_holder ON notification.notices (holder_personal_code, created_at DESC, id DESC)
    WHERE read_at IS NULL;
