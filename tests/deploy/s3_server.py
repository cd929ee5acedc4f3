"""An S3-protocol server on loopback: moto's S3 in server mode, fronted by SigV4 presigned-URL checks.

moto (5.2) serves presigned URLs without checking their signature or expiry, which is exactly what the media tests
must prove, so requests carrying `X-Amz-Signature` are verified here the way S3 does it: botocore's own signer
recomputes the signature from the shared credentials, and a URL past `X-Amz-Date + X-Amz-Expires` is refused
(403 AccessDenied, "Request has expired"). Everything else is moto's: buckets, objects, ACLs, header-signed calls.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs

from botocore.auth import S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

ACCESS_KEY = "AKIASERVEFLOWTEST01"
SECRET_KEY = "serveflow-loopback-s3-secret-key-for-tests"
REGION = "us-east-1"


def _denied(start_response, code: str, message: str):
    body = f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message></Error>'.encode()
    start_response("403 Forbidden", [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))])
    return [body]


class PresignedUrlVerification:
    """WSGI middleware: refuses presigned requests whose signature is wrong or whose validity has passed."""

    def __init__(self, app, *, access_key: str, secret_key: str):
        self.app = app
        self.credentials = Credentials(access_key, secret_key)

    def __call__(self, environ, start_response):
        raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI") or ""
        path, _, query_string = raw_uri.partition("?")
        query = parse_qs(query_string, keep_blank_values=True)
        if "X-Amz-Signature" not in query:
            return self.app(environ, start_response)
        try:
            signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            expires = int(query["X-Amz-Expires"][0])
            access_key, _day, region, service, _ = query["X-Amz-Credential"][0].split("/")
        except (KeyError, ValueError):
            return _denied(start_response, "AuthorizationQueryParametersError", "Malformed presigned URL.")
        if access_key != self.credentials.access_key:
            return _denied(start_response, "InvalidAccessKeyId", "The AWS Access Key Id does not exist in our records.")
        if datetime.now(UTC) > signed_at + timedelta(seconds=expires):
            return _denied(start_response, "AccessDenied", "Request has expired")
        unsigned_query = "&".join(part for part in query_string.split("&") if not part.startswith("X-Amz-Signature="))
        request = AWSRequest(
            method=environ["REQUEST_METHOD"],
            url=f"http://{environ['HTTP_HOST']}{path}?{unsigned_query}",
            headers={"host": environ["HTTP_HOST"]},
        )
        request.context["timestamp"] = query["X-Amz-Date"][0]
        auth = S3SigV4QueryAuth(self.credentials, service, region, expires=expires)
        expected = auth.signature(auth.string_to_sign(request, auth.canonical_request(request)), request)
        if expected != query["X-Amz-Signature"][0]:
            return _denied(start_response, "SignatureDoesNotMatch", "The request signature we calculated does not match.")
        return self.app(environ, start_response)


class LoopbackS3Server:
    """Runs in a thread of the test process; `endpoint_url` is what boto3 (and our settings) point at."""

    def __init__(self):
        app = DomainDispatcherApplication(create_backend_app)
        self._server = make_server(
            "127.0.0.1", 0, PresignedUrlVerification(app, access_key=ACCESS_KEY, secret_key=SECRET_KEY), threaded=True
        )
        self.endpoint_url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback-s3", daemon=True)

    def start(self) -> LoopbackS3Server:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )
