"""`updateProfile(avatar: Upload)` over the GraphQL multipart request spec, through the whole HTTP stack."""

import io
import json

from django.test import Client
from PIL import Image

from marketplace.accounts.models import Role

UPDATE_AVATAR = "mutation($avatar: Upload!) { updateProfile(avatar: $avatar) { user { avatarUrl } errors { field code } } }"


def post_avatar(token, data: bytes, name="me.png"):
    upload = io.BytesIO(data)
    upload.name = name
    response = Client().post(
        "/graphql/",
        {
            "operations": json.dumps({"query": UPDATE_AVATAR, "variables": {"avatar": None}}),
            "map": json.dumps({"0": ["variables.avatar"]}),
            "0": upload,
        },
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    return response.json()["data"]["updateProfile"]


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(out, format="PNG")
    return out.getvalue()


def test_multipart_avatar_upload_stores_a_clean_copy(make_user, token_for):
    user = make_user(Role.CUSTOMER)

    result = post_avatar(token_for(user), png())

    assert result["errors"] == []
    user.refresh_from_db()
    assert result["user"]["avatarUrl"] == user.avatar.url and user.avatar.name.endswith(".png")
    assert Image.open(user.avatar.open()).getpixel((0, 0)) == (10, 20, 30)


def test_multipart_upload_of_a_non_image_changes_nothing(make_user, token_for):
    user = make_user(Role.CUSTOMER)

    result = post_avatar(token_for(user), b"%PDF-1.4 not an image", name="me.png")

    assert result == {"user": None, "errors": [{"field": "avatar", "code": "INVALID_IMAGE"}]}
    user.refresh_from_db()
    assert not user.avatar
