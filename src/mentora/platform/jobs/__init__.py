"""Durable background jobs on the application's own database.

- **Outbox**: ``enqueue`` writes the job in the caller's transaction, so a job exists
  exactly when the change that caused it was committed.
- **Claiming**: one job at a time, atomically (``FOR UPDATE SKIP LOCKED`` on
  PostgreSQL; SQLite's immediate transactions serialize claims), with a lease: a worker
  that dies (even by SIGKILL) leaves a lease that runs out, and the job runs again.
- **Retries**: exponential backoff with jitter; after ``job_max_attempts`` the job is
  dead-lettered (``dead``), visible and re-triable in the console.
- Jobs carry their tenant explicitly; handlers must be idempotent (a job can run twice).

No maintained queue library runs on both SQLite and PostgreSQL inside the application's
own transactions, hence this small module.
"""

from mentora.platform.jobs.models import AttemptOutcome, Job, JobAttempt, JobStatus
from mentora.platform.jobs.queue import JobContext, JobHandler, JobRunner, enqueue

__all__ = ["AttemptOutcome", "Job", "JobAttempt", "JobContext", "JobHandler", "JobRunner", "JobStatus", "enqueue"]
