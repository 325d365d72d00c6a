"""Faults with real components, and where each is tested.

After every fault: nothing lost (each accepted turn, grade and score is stored exactly
once), every answer during the fault a contract envelope, service back without a restart.

==========================================  ==================================================================
PostgreSQL stopped and started under load   faults/test_postgres.py (real server and worker; a streamed turn
                                            whose answer cannot be stored is retried once the database is back)
PostgreSQL down, then back (one client)     test_serve.py::test_postgres_outage_gives_database_error_then_...
Redis stopped and started under load        faults/test_redis.py (real server; login fails closed, the rest
                                            counts in-process, sharing resumes)
Redis down, then back (in process)          platform/test_rate_limits.py::test_redis_outage_falls_back_and_...
AI: timeout, 500, 429, 401, malformed       sessions/test_tutoring.py::test_provider_failures_lose_nothing
  (a turn, plain and streamed, retried)       (one stored turn, answered once after the retry)
AI: drop, slow_stream (a streamed turn)     faults/test_ai_modes.py::test_a_cut_off_stream_is_retried_...
AI: every failure mode, grading             faults/test_ai_modes.py::test_grading_through_each_ai_failure_...
                                            (one grade, one score at the LMS; malformed also in
                                            grades/test_grading.py::test_a_malformed_ai_grade_is_retried_...)
AI: concurrent retries of a failed turn     sessions/test_concurrent_turns.py (SQLite and PostgreSQL)
LMS: every failure mode, LTI AGS and Canvas grades/test_grading.py::test_publishing_is_retried_through_lms_...
                                            (one score, posted once)
Job worker SIGKILLed mid-job                grades/test_grading.py::test_a_worker_killed_mid_job_loses_nothing
                                            (SQLite and PostgreSQL; taken over, the score posted once)
Server process SIGKILLed mid-request        faults/test_server_kill.py (a streamed and a plain turn in flight;
                                            transport errors only; resent, each retries its stored turn)
==========================================  ==================================================================
"""
