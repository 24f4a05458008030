"""A choice chip whose words go onto more lines when the chip is narrower than they are.

A push button draws its text on one line and asks for the width of all of it: a waiting
number with its priority class and its booking ("A123 · väntat 59 minuter · barnfamilj med
bebis · bokad") is 1,300-1,500 px at 200 % text in every language, wider than a 1280x800
screen. This chip breaks its text between words at the width it is given (Qt draws each line
centred, as the button's one line), asks only for its longest word, and is as tall as its lines.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionButton

from ui.widgets.touch import ChoiceChip, as_written


class WrappingChip(ChoiceChip):
    def __init__(self, min_height: int, object_name: str) -> None:
        super().__init__(min_height, object_name)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _words(self) -> str:
        return ("✓ " if self.isChecked() else "") + self._label

    def _padding(self) -> int:
        """Border and padding beside the words (the style sheet's), in pixels."""
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.rect = self.rect()
        contents = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self)
        return self.rect().width() - contents.width()

    def _lines(self, width: int) -> str:
        """The words broken between words so that each line fits ``width`` px of button."""
        room, fm = width - self._padding() - 4, self.fontMetrics()
        lines: list[str] = []
        for word in self._words().split(" "):
            if lines and fm.horizontalAdvance(lines[-1] + " " + word) <= room:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return "\n".join(lines)

    def _size_for(self, text: str) -> QSize:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.text = as_written(text)
        contents = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, opt.text)
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, opt, contents, self)
        return size.expandedTo(self.minimumSize())

    def _show(self) -> None:
        lines = self._lines(self.width()) if self.width() > 1 else self._words()
        if self.text() != as_written(lines):
            self.setText(as_written(lines))
            self.updateGeometry()   # another count of lines: another height

    def sizeHint(self) -> QSize:   # noqa: N802 (Qt's name)
        # All on one line where there is room; as tall as the lines at the width it has.
        one_line = self._size_for(self._words())
        return QSize(one_line.width(), self.heightForWidth(self.width()) if self.width() > 1 else one_line.height())

    def minimumSizeHint(self) -> QSize:   # noqa: N802
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(w) for w in self._words().split(" ")), default=0)
        return QSize(longest + self._padding() + 4, self.minimumHeight())

    def hasHeightForWidth(self) -> bool:   # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:   # noqa: N802
        return self._size_for(self._lines(width)).height()

    def resizeEvent(self, event) -> None:   # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._show()

    def changeEvent(self, event) -> None:   # noqa: N802
        # Another text size (a style sheet's font) or style: the words are measured again.
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._show()
            self.updateGeometry()
