"""Word-level name forms: which surname spellings are one family's, not one person's."""

from casework.names.forms import gendered


def test_gendered_surname_forms():
    assert gendered("aliyev", "aliyeva") and gendered("volkova", "volkov")
    assert gendered("kowalski", "kowalska")
    assert not gendered("muradov", "murad")  # a suffix dropped, not a woman's form
    assert not gendered("ivanov", "petrova")
