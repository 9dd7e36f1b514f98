-- The public register's search: each replica of the service keeps an in-memory index of the folded
-- names of published certificates (src/search/), kept current by these announcements, and the
-- register's filters (standard, awarding body) get indexes that keep their keyset order by number.

-- Every change that can put a certificate into the name search, take it out or change its name
-- there gets the next number of this sequence. A search compares the sequence with the last number
-- its index has applied: an index that is behind is not trusted for that search.
CREATE SEQUENCE certificate.public_search_version_seq;

-- Announces the certificate's state after the change on channel kutse_public_search:
-- {"version", "number", "published", "name"} (name: holder_name_folded). A bulk load may set
-- kutse.public_search_bulk = 'on' in its session and announce {"version", "reload": true} once at
-- the end instead of once per row.
CREATE FUNCTION certificate.announce_public_search_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('kutse.public_search_bulk', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('kutse_public_search', json_build_object(
            'version', nextval('certificate.public_search_version_seq'), 'number', OLD.number,
            'published', false, 'name', OLD.holder_name_folded)::text);
    ELSE
        PERFORM pg_notify('kutse_public_search', json_build_object(
            'version', nextval('certificate.public_search_version_seq'), 'number', NEW.number,
            'published', NEW.published, 'name', NEW.holder_name_folded)::text);
    END IF;
    RETURN NULL;
END
$$;

-- Hidden certificates (every new one starts hidden) cost nothing: the conditions are checked
-- before the function is called.
CREATE TRIGGER certificates_public_search_insert
    AFTER INSERT ON certificate.certificates
    FOR EACH ROW WHEN (NEW.published)
    EXECUTE FUNCTION certificate.announce_public_search_change();

CREATE TRIGGER certificates_public_search_update
    AFTER UPDATE OF published, holder_name ON certificate.certificates
    FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published OR OLD.holder_name IS DISTINCT FROM NEW.holder_name)
    EXECUTE FUNCTION certificate.announce_public_search_change();

CREATE TRIGGER certificates_public_search_delete
    AFTER DELETE ON certificate.certificates
    FOR EACH ROW WHEN (OLD.published)
    EXECUTE FUNCTION certificate.announce_public_search_change();

-- The filters standard and awarding_body, each in number order for the keyset.
CREATE INDEX certificates_published_by_standard ON certificate.certificates (standard_code, number) WHERE published;
CREATE INDEX certificates_published_by_body ON certificate.certificates (awarding_body_id, number) WHERE published;
