"""The saved page's images for an EPUB: its own parts and files inside its ``_files`` folder only."""

from __future__ import annotations

from pathlib import Path

from reader.core.export.images import file_inside, image_type, saved_images
from reader.core.model import Resource, Source

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def saved_page(tmp_path: Path) -> Source:
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "photo.png").write_bytes(PNG)
    (folder / "notes.txt").write_text("not an image", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(PNG)
    (folder / "link.png").symlink_to(tmp_path / "secret.png")
    part = Resource("cid:logo", "image/gif", b"GIF89a...")
    return Source(tmp_path / "page.html", "html", "", "utf-8", resources_dir=folder,
                  resources={"cid:logo": part})


def test_images_come_from_the_saved_parts_and_the_files_folder(tmp_path: Path) -> None:
    lookup = saved_images(saved_page(tmp_path))
    assert lookup("cid:logo") == Resource("cid:logo", "image/gif", b"GIF89a...")
    for ref in ("page_files/photo.png", "photo.png", str(tmp_path / "page_files" / "photo.png"),
                (tmp_path / "page_files" / "photo.png").as_uri(), "page_files/photo%2Epng"):
        found = lookup(ref)
        assert found is not None and found.data == PNG and found.media_type == "image/png", ref


def test_nothing_outside_the_folder_nothing_remote_nothing_but_images(tmp_path: Path) -> None:
    lookup = saved_images(saved_page(tmp_path))
    for ref in ("../secret.png", str(tmp_path / "secret.png"), "page_files/link.png",
                "https://example.com/photo.png", "//example.com/photo.png", "page_files/notes.txt",
                "page_files/absent.png", "", "page_files"):
        assert lookup(ref) is None, ref


def test_no_folder_no_files(tmp_path: Path) -> None:
    assert file_inside("photo.png", None) is None
    assert image_type(b"\xff\xd8\xff\xe0") == "image/jpeg" and image_type(b"<svg") is None
