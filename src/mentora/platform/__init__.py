"""What every domain stands on: database, logging, request context, outbound HTTP."""
