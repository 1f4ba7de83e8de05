"""Every error the API gives is JSON of one shape: {"errors": [{"path", "location", "message"}]}.

`path` names what is wrong: a record field such as `risks.0.name` (location "content"), a part of the request body
such as `revision` (location "body"), a query parameter (location "query"), or nothing for the request as a whole.
"""

from typing import Literal

from django.http import HttpRequest, JsonResponse
from ninja import Schema

Location = Literal["content", "body", "query", "path", "header", "request"]


class Problem(Schema):
    path: str
    location: Location
    message: str


class Errors(Schema):
    errors: list[Problem]


class StaleRevision(Errors):
    revision: int


class ApiError(Exception):
    """An answer other than success, with the problems to report."""

    def __init__(self, status: int, problems: list[dict], **extra):
        super().__init__(problems[0]["message"] if problems else str(status))
        self.status, self.problems, self.extra = status, problems, extra

    @classmethod
    def one(cls, status: int, message: str, path: str = "", location: str = "request", **extra) -> "ApiError":
        return cls(status, [problem(path, location, message)], **extra)


def problem(path: str, location: str, message: str) -> dict:
    return {"path": path, "location": location, "message": message}


def error_response(status: int, problems: list[dict], headers: dict | None = None, **extra) -> JsonResponse:
    response = JsonResponse({"errors": problems, **extra}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def not_found(what: str = "Nothing") -> ApiError:
    return ApiError.one(404, f"{what} was found at this address.")


def handle_api_error(request: HttpRequest, exc: ApiError) -> JsonResponse:
    return error_response(exc.status, exc.problems, **exc.extra)


NOT_FOUND_RESPONSES = {404: Errors}
