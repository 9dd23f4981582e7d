"""Importing a chat in the browser: upload, "which one is you?", progress, the list, and
deleting; only ever for the profile that imported it, and the upload never left behind."""

from __future__ import annotations

import time

from tests.chats.samples import ANDROID_CHAT, write_chat
from tests.web.helpers import form_token


def upload(person, path, **fields):
    token = form_token(person.get("/chats").text)
    with path.open("rb") as handle:
        return person.client.post(
            "/chats/upload",
            data={"csrf_token": token, **fields},
            files={"export": (path.name, handle, "text/plain")},
        )


def finished(person, job_url: str, seconds: float = 20.0) -> str:
    """The import page once the background import has ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = person.get(job_url).text
        if 'data-state="running"' not in page:
            return page
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def imports_folder(app):
    return app.state.chat_imports.folder


def test_upload_choose_me_import_and_see_the_chat_listed(app, people, tmp_path):
    alex = people.add("Alex")
    uploaded = upload(alex, write_chat(tmp_path))
    assert uploaded.status_code == 303
    job_url = uploaded.headers["location"]
    waiting = alex.get(job_url).text
    assert "Which one is you?" in waiting
    assert 'value="Maya"' in waiting
    assert 'value="Jordan"' in waiting
    assert len(list(imports_folder(app).iterdir())) == 1
    started = alex.page_post(job_url, f"{job_url}/start", {"me": "Maya"})
    assert started.status_code == 303
    done = finished(alex, job_url)
    assert "6 new messages" in done
    assert "The uploaded file has been removed." in done
    assert not list(imports_folder(app).iterdir())
    listing = alex.get("/api/chats").json()
    assert [(chat["messages"], chat["me"]) for chat in listing["chats"]] == [(6, "Maya")]
    assert "6 messages" in alex.get("/chats").text


def test_someone_else_can_neither_follow_nor_start_my_import(people, tmp_path):
    alex, sam = people.add("Alex"), people.add("Sam")
    job_url = upload(alex, write_chat(tmp_path)).headers["location"]
    assert sam.get(job_url).status_code == 404
    job_id = job_url.rsplit("/", 1)[1]
    refused = sam.send("POST", f"/api/chats/imports/{job_id}/start", {"me": "Maya"})
    assert refused.status_code == 404
    assert sam.get("/api/chats").json()["chats"] == []


def test_a_file_that_is_not_a_chat_is_refused_at_once_and_not_kept(app, people, tmp_path):
    alex = people.add("Alex")
    prose = tmp_path / "letter.txt"
    prose.write_text("Dear Sam,\nthis is a letter, not a chat.\n", encoding="utf-8")
    refused = upload(alex, prose)
    assert refused.status_code == 422
    assert "does not look like a chat export" in refused.text
    assert "letter.txt" in refused.text
    assert not imports_folder(app).exists() or not list(imports_folder(app).iterdir())


def test_choosing_nobody_asks_again_and_cancel_removes_the_upload(app, people, tmp_path):
    alex = people.add("Alex")
    job_url = upload(alex, write_chat(tmp_path)).headers["location"]
    nobody = alex.page_post(job_url, f"{job_url}/start", {"me": "Alex"})
    assert nobody.status_code == 422
    assert "choose which of the senders is you" in nobody.text
    cancelled = alex.page_post(job_url, f"{job_url}/cancel", {})
    assert cancelled.headers["location"] == "/chats"
    assert "nothing was imported" in alex.get("/chats").text
    assert not list(imports_folder(app).iterdir())
    assert alex.get(job_url).status_code == 404


def test_the_api_imports_in_three_steps(people, tmp_path):
    alex = people.add("Alex")
    path = write_chat(tmp_path, ANDROID_CHAT)
    with path.open("rb") as handle:
        uploaded = alex.client.post(
            "/api/chats/imports",
            files={"export": ("chat.txt", handle, "text/plain")},
            headers={"X-CSRF-Token": alex.csrf},
        )
    assert uploaded.status_code == 201, uploaded.text
    job = uploaded.json()
    assert job["state"] == "waiting"
    assert job["format"] == "whatsapp"
    assert job["senders"] == ["Maya", "Jordan"]
    started = alex.send("POST", f"/api/chats/imports/{job['id']}/start", {"me": "Jordan"})
    assert started.status_code == 202
    deadline = time.monotonic() + 20
    while alex.get(f"/api/chats/imports/{job['id']}").json()["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    ended = alex.get(f"/api/chats/imports/{job['id']}").json()
    assert (ended["state"], ended["added"]) == ("done", 6)
    chat_id = ended["chat_id"]
    assert alex.send("DELETE", f"/api/chats/{chat_id}").status_code == 204
    assert alex.get("/api/chats").json()["chats"] == []


def test_leftover_uploads_are_removed_when_the_server_starts(store_settings, tmp_path):
    from bowlby.web.app import IMPORTS_FOLDER, create_app
    from tests.web.helpers import BASE_URL, TestClient

    folder = store_settings.home / IMPORTS_FOLDER
    folder.mkdir(parents=True)
    (folder / "left.txt").write_text(ANDROID_CHAT, encoding="utf-8")
    with TestClient(create_app(store_settings), base_url=BASE_URL):
        assert not folder.exists()
