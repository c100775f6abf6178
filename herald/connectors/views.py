"""The platforms' webhook receivers, which only check, keep and queue, and the connectors' status page."""

from __future__ import annotations

import logging

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from herald.access import allow, public
from herald.connectors import credentials, selectors, services
from herald.connectors.base import ConnectorError
from herald.connectors.models import RawEvent
from herald.connectors.nav import STATUS_ROLES
from herald.connectors.registry import CONNECTORS, WEBHOOKS

logger = logging.getLogger(__name__)


def _refuse(error: ConnectorError) -> JsonResponse:
    return JsonResponse({"error": error.reason}, status=error.status)


@public
@csrf_exempt
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest, platform: str) -> HttpResponse:
    """A platform's webhook: GET answers its ownership challenge; POST checks the signature, keeps the
    delivery once and queues it to be read. Refusals say why, with 4xx (503 while the secrets cannot be
    read, so the platform sends it again); nothing is read here."""
    if platform not in WEBHOOKS:
        raise Http404("No such webhook")
    connector = CONNECTORS[platform]
    try:
        credentials.require_file()
        app = credentials.app_settings(platform)
    except credentials.SecretsFileError as error:
        # Nothing can be checked, so nothing is kept: the platform is told to send it again later.
        # The reason goes to the log and the Connectors page, never to whoever called: the file's path and
        # the system's error are the council's business. Noted, and logged, once while the reason stays
        # the same: the platform sends its deliveries again and again while they are refused.
        problem = f"Deliveries cannot be checked: {error}"
        services.log_once(logger, "%s webhook deliveries cannot be checked (answered 503): %s", connector.label, error)
        if not services.has_problem(platform, problem):
            services.note_problem(platform, problem)
        return JsonResponse(
            {"error": f"{connector.label} deliveries cannot be checked now: Herald cannot read its secrets"},
            status=503,
        )
    services.secrets_read()
    missing = connector.missing(app, None)
    if missing:
        return JsonResponse(
            {"error": f"{connector.label} webhooks are not set up here: {', '.join(missing)}"}, status=404
        )
    try:
        if request.method == "GET":
            answer = connector.answer_challenge(request.GET, app)
            return HttpResponse(answer.body, content_type=answer.content_type)
        try:
            body = request.body
        except RequestDataTooBig:
            return JsonResponse({"error": "The delivery is larger than Herald accepts"}, status=413)
        headers = {key.lower(): value for key, value in request.headers.items()}
        connector.verify(headers, body, app)
        connector.check_shape(body)
    except ConnectorError as error:
        if request.method == "POST":
            services.note_problem(platform, f"A delivery was refused: {error.reason}")
        logger.warning("%s webhook refused a %s: %s", connector.label, request.method, error.reason)
        return _refuse(error)
    event, new = services.store_delivery(
        platform,
        body=body,
        headers=headers,
        source=RawEvent.Source.WEBHOOK,
        signature=RawEvent.Signature.VERIFIED,
        replay_key=connector.replay_key(body),
    )
    return JsonResponse({"received": event.pk, "new": new})


@allow(*STATUS_ROLES)
def status(request: HttpRequest) -> HttpResponse:
    try:
        credentials.require_file()
        rows = selectors.status_rows()
        webhooks = selectors.webhook_rows()
        problem = ""
    except credentials.SecretsFileError as exc:
        rows, webhooks, problem = [], [], str(exc)
    context = {
        "rows": rows,
        "webhooks": webhooks,
        "problem": problem,
        "recent_failures": RawEvent.objects.failed().select_related("account")[:20],
        "breadcrumbs": [("Home", "/"), ("Connectors", None)],
    }
    return render(request, "connectors/status.html", context)
