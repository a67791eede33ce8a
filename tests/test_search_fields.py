"""vanban.search.fields: the words each field of a document is found by."""
import datetime as dt

from vanban.search.fields import CITES, DETAILS, FIELDS, NUMBER, SIGNER, SUBJECT, field_words

SEED_003 = {
    "title": "Công văn 154-CV/TU về việc tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "so_ky_hieu": "154-CV/TU", "loai_van_ban": "Công văn",
    "co_quan_ban_hanh": "Tỉnh ủy Hà Nam", "ngay_ban_hanh": dt.date(2021, 4, 28),
    "nguoi_ky": "Đinh Thị Lụa", "chuc_vu": "T/M Ban Thường vụ, Phó Bí thư",
}


def test_fields_of_seed_003():
    words = field_words(SEED_003, cites=("16/CT-TTg", "07-KL/TW"))
    assert words[NUMBER] == ["so", "cong", "van", "154", "cv", "tu", "154cvtu"]
    assert words[SIGNER] == ["dinh", "thi", "lua"]
    assert words[SUBJECT][:4] == ["cong", "van", "154", "cv"] and "covid" in words[SUBJECT]
    assert {"tinh", "uy", "ha", "nam", "pho", "bi", "thu", "2842021", "28042021", "2021"} <= set(words[DETAILS])
    assert words[CITES] == ["16", "ct", "ttg", "16ctttg", "07", "kl", "tw", "7", "7kltw"]


def test_a_document_without_number_or_signer_has_empty_fields():
    words = field_words({"title": "Kết luận", "loai_van_ban": "Kết luận"})
    assert words[NUMBER] == ["ket", "luan"] and words[SIGNER] == [] and words[CITES] == []


def test_every_field_weighs_more_than_the_body_and_none_alike():
    weights = [f.weight for f in FIELDS]
    assert min(weights) > 1 and len(set(weights)) == len(weights)
    # Pagefind may split a joined number ("761cvtu" -> "761", "cvtu") into parts of
    # weight/k: those parts must never look like another field.
    stored = {f.stored_weight for f in FIELDS}
    assert not {NUMBER.stored_weight / k for k in (2, 3, 4)} & stored
