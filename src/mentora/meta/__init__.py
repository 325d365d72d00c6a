"""Service metadata: health, readiness and the error-code catalog."""
