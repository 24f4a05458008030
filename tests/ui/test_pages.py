"""A screen's pages (ui/widgets/pages.py): only the page shown counts for the size."""

import pytest

from tests.ui.conftest import settle


@pytest.mark.gui
def test_a_short_page_after_a_tall_one_is_as_tall_as_itself(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from ui.widgets.pages import Pages

    host = QWidget()
    col = QVBoxLayout(host)
    pages = Pages()
    col.addWidget(pages)
    tall, short = QWidget(), QWidget()
    tall_col = QVBoxLayout(tall)
    for i in range(30):
        label = QLabel(f"line {i} " * 8)
        label.setWordWrap(True)
        tall_col.addWidget(label)
    short_col = QVBoxLayout(short)
    short_col.addWidget(QLabel("Done"))
    pages.addWidget(tall)
    pages.addWidget(short)
    qtbot.addWidget(host)
    host.resize(600, 400)
    host.show()
    settle(qtbot)
    assert pages.currentWidget() is tall and pages.widget(1) is short and pages.indexOf(short) == 1
    tall_need = col.totalHeightForWidth(600)
    pages.setCurrentWidget(short)
    settle(qtbot)
    assert pages.currentWidget() is short and pages.currentIndex() == 1
    short_need = col.totalHeightForWidth(600)
    assert short_need < tall_need / 4, (short_need, tall_need)
    assert host.minimumSizeHint().height() < tall_need / 4
    pages.setCurrentIndex(0)
    settle(qtbot)
    assert col.totalHeightForWidth(600) == tall_need
    with pytest.raises(ValueError):
        pages.setCurrentWidget(QWidget())
