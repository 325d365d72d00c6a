"""OpenTelemetry tracing, when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set: a span per request
(FastAPI), per statement (SQLAlchemy, both engines) and per outbound call (httpx), sent
over OTLP/HTTP. The packages are the optional ``tracing`` extra and are imported only
then; with the variable set and the extra missing, start-up stops with ``TracingUnavailableError``
saying how to install it. The exporter reads the standard ``OTEL_*`` variables itself
(headers, protocol details, ``OTEL_SERVICE_NAME``, sampling).
"""

from __future__ import annotations

import importlib
import os
from typing import Any

from mentora.platform.db import Database

ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT"
INSTALL_HINT = "install the tracing extra: pip install 'mentora[tracing]' (uv sync --extra tracing)"

_MODULES = (
    "opentelemetry.trace",
    "opentelemetry.sdk.resources",
    "opentelemetry.sdk.trace",
    "opentelemetry.sdk.trace.export",
    "opentelemetry.exporter.otlp.proto.http.trace_exporter",
    "opentelemetry.instrumentation.fastapi",
    "opentelemetry.instrumentation.httpx",
    "opentelemetry.instrumentation.sqlalchemy",
)
_provider: Any = None


class TracingUnavailableError(RuntimeError):
    pass


def tracing_wanted() -> bool:
    return bool(os.environ.get(ENDPOINT_ENV))


def check_tracing_available() -> None:
    """Fail before serving when tracing is asked for and cannot be given."""
    if tracing_wanted():
        _tracing_modules()


def _tracing_modules() -> dict[str, Any]:
    # Imported by name: the extra is optional, so nothing here may need it to type-check.
    try:
        return {name: importlib.import_module(name) for name in _MODULES}
    except ImportError as exc:
        missing = f"{ENDPOINT_ENV} is set but tracing is not installed ({exc.name})"
        raise TracingUnavailableError(f"{missing}; {INSTALL_HINT}") from None


def configure_tracing(app: Any, database: Database) -> bool:
    """Instrument ``app``, the database's engines and httpx; False when tracing is off."""
    if not tracing_wanted():
        return False
    otel = _tracing_modules()
    global _provider
    if _provider is None:  # one per process, however many apps it builds
        service = os.environ.get("OTEL_SERVICE_NAME", "mentora")
        resource = otel["opentelemetry.sdk.resources"].Resource.create({"service.name": service})
        _provider = otel["opentelemetry.sdk.trace"].TracerProvider(resource=resource)
        exporter = otel["opentelemetry.exporter.otlp.proto.http.trace_exporter"].OTLPSpanExporter()
        _provider.add_span_processor(otel["opentelemetry.sdk.trace.export"].BatchSpanProcessor(exporter))
        otel["opentelemetry.trace"].set_tracer_provider(_provider)
        otel["opentelemetry.instrumentation.httpx"].HTTPXClientInstrumentor().instrument(tracer_provider=_provider)
    otel["opentelemetry.instrumentation.fastapi"].FastAPIInstrumentor.instrument_app(
        app, tracer_provider=_provider, excluded_urls="/metrics,/healthz"
    )
    # The instrumentor instruments once per process: the first app's engines (a server has one).
    # It declares SQLAlchemy < 2.1 and would otherwise decline ours; the engine events it
    # listens to are unchanged in 2.1.
    engines = [engine.sync_engine for engine in database.pools.values()]
    otel["opentelemetry.instrumentation.sqlalchemy"].SQLAlchemyInstrumentor().instrument(
        engines=engines, tracer_provider=_provider, skip_dep_check=True
    )
    return True


def flush_tracing() -> None:
    """Send the spans still buffered (at shutdown, and in tests)."""
    if _provider is not None:
        _provider.force_flush()
