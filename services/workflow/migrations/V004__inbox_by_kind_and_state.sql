-- A handler's inbox filtered by kind and state (domain/inbox_order.hpp): the open requests of one
-- route, kind and state in the inbox's order, so a filtered page reads only its own rows in order
-- instead of walking requests_inbox past every request of the other kinds and states.
CREATE INDEX requests_inbox_filtered ON workflow.requests (route, kind, state, submitted_at, id)
    WHERE state NOT IN ('rejected', 'completed', 'withdrawn', 'closed');
