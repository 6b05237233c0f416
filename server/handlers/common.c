/* common.c: what every handler shares: turning a store failure into a status. */
#include "newsd/handlers.h"
#include "newsd/store.h"

void handle_store_error(struct req *rq, struct resp *rs, int store_rc)
{
    switch (store_rc) {
    case STORE_INVALID:
        resp_problem(rs, rq, 400, "cursor is not valid for this list");
        break;
    case STORE_BUSY:
        resp_header(rs, "Retry-After", "1");
        resp_problem(rs, rq, 503, "the database is busy; retry shortly");
        break;
    case STORE_FULL:
        resp_header(rs, "Retry-After", "60");
        resp_problem(rs, rq, 503, "the server cannot store more data right now");
        break;
    case STORE_IO:
        resp_header(rs, "Retry-After", "5");
        resp_problem(rs, rq, 503, "the storage failed this request; retry shortly");
        break;
    default:
        resp_problem(rs, rq, 500, "internal error; the server log has the details");
    }
}
