"""Publishing grades to the institution's LMS: LTI 1.3 Assignment and Grade Services
(Canvas, Moodle, Blackboard, D2L all speak it) and Canvas's REST API."""

from mentora.integrations.lms.base import GradeToPublish, LmsNotConfiguredError, publisher_for

__all__ = ["GradeToPublish", "LmsNotConfiguredError", "publisher_for"]
