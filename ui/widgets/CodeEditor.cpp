// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/widgets/CodeEditor.h"

#include "ui/widgets/Palette.h"
#include "ui/widgets/Syntax.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace ui {

class CodeEditorGutter : public QWidget
{
public:
    explicit CodeEditorGutter(CodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(QStringLiteral("lineNumbers"));
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            const QTextBlock block = m_editor->cursorForPosition(QPoint(0, help->pos().y())).block();
            const QString messages = m_editor->messagesAt(block.blockNumber());
            if (messages.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), messages, this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    CodeEditor *m_editor;
};

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new CodeEditorGutter(this))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 4);
    applySyntaxTheme(m_highlighter, palette());
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateSelections);
    updateGutterWidth();
    updateSelections();
}

void CodeEditor::setSyntax(const QString &definitionName)
{
    m_highlighter->setDefinition(syntaxRepository().definitionForName(definitionName));
}

void CodeEditor::setMarks(const QList<Mark> &marks)
{
    if (marks == m_marks)
        return;
    m_marks = marks;
    updateSelections();
    m_gutter->update();
}

QString CodeEditor::messagesAt(int line) const
{
    QStringList messages;
    for (const Mark &mark : m_marks) {
        if (mark.line == line)
            messages.append(mark.message);
    }
    return messages.join(u'\n');
}

void CodeEditor::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(line);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

int CodeEditor::gutterWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    // Room for a mark's dot, the digits and a little air.
    return fontMetrics().height() + fontMetrics().horizontalAdvance(u'9') * qMax(2, digits) + 10;
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        applySyntaxTheme(m_highlighter, palette());
        updateSelections();
    }
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString messages = messagesAt(cursorForPosition(help->pos()).blockNumber());
        if (messages.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), messages, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette colours = palette();
    painter.fillRect(event->rect(), colours.color(QPalette::Window));
    const int current = textCursor().blockNumber();
    const int dot = fontMetrics().height() / 2;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber();
            bool error = false;
            bool warning = false;
            for (const Mark &mark : std::as_const(m_marks)) {
                if (mark.line == line)
                    (mark.error ? error : warning) = true;
            }
            if (error || warning) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(error ? palette::danger(colours) : palette::warning(colours));
                painter.drawEllipse(QRect(4, top + (fontMetrics().height() - dot) / 2, dot, dot));
            }
            QFont font = this->font();
            font.setBold(line == current);
            painter.setFont(font);
            painter.setPen(colours.color(line == current ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, fontMetrics().height(), Qt::AlignRight,
                             QString::number(line + 1));
        }
        block = block.next();
        top += height;
    }
}

void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette colours = palette();
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection current;
        QColor shade = colours.color(QPalette::Highlight);
        shade.setAlpha(palette::isDark(colours) ? 40 : 22);
        current.format.setBackground(shade);
        current.format.setProperty(QTextFormat::FullWidthSelection, true);
        current.cursor = textCursor();
        current.cursor.clearSelection();
        selections.append(current);
    }
    for (const Mark &mark : std::as_const(m_marks)) {
        const QTextBlock block = document()->findBlockByNumber(mark.line);
        if (!block.isValid())
            continue;
        const QColor colour = mark.error ? palette::danger(colours) : palette::warning(colours);
        QTextEdit::ExtraSelection line;
        line.format.setBackground(palette::tint(colour, colours));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections.append(line);
        QTextEdit::ExtraSelection underline;
        underline.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        underline.format.setUnderlineColor(colour);
        underline.cursor = QTextCursor(block);
        underline.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selections.append(underline);
    }
    setExtraSelections(selections);
    m_gutter->update();
}

} // namespace ui
