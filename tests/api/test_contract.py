"""The API keeps its published contract: Schemathesis generates valid and invalid requests from
/api/v1/openapi.json for every operation and checks each answer (status, headers, body schema, 4xx for
invalid input, 405 for other methods) against the document, on a seeded site."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app.api.openapi import build
from app.config import Defaults

# Built like the app builds it (schemathesis' fixture-based loader needs pytest < 9's Node._nodeid).
schema = schemathesis.openapi.from_dict(build(Defaults.MAX_PAGE))


def test_the_served_document_is_the_one_tested(client):
    assert client.get("/api/v1/openapi.json").get_json() == schema.raw_schema


@schema.parametrize()
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_matches_the_openapi_document(case, app, client, site):
    # Uncompressed: the WSGI transport hands Schemathesis the body as sent, and it does not decode br/gzip.
    case.call_and_validate(app=app, session=client, headers={"Accept-Encoding": "identity"})


@pytest.mark.parametrize(
    "path",
    [
        "/articles/{id}",
        "/campaigns/{slug}",
    ],
)
def test_single_items_match_the_document(app, client, site, path):
    """Generated ids and slugs rarely hit a stored row, so the seeded ones are checked here."""
    operation = schema[path]["GET"]
    url = path.format(id=site.exemplary.id, slug=site.campaign.slug)
    response = client.get("/api/v1" + url)
    assert response.status_code == 200
    operation.validate_response(response)


def test_the_document_lists_every_api_route(app):
    documented = {"/api/v1" + path for path in build(app.config["MAX_PAGE"])["paths"]}
    routes = {
        rule.rule.replace("<int(min=1, max=2147483647):article_id>", "{id}").replace("<slug>", "{slug}")
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert routes == documented
