// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace ui {

// A plain-text editor for scripts: KSyntaxHighlighting colours (following the light or dark
// palette), line numbers, the current line shown, and marks on lines with a problem (underlined,
// a dot in the margin, the message as the line's tooltip).
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    struct Mark
    {
        int line = 0;      // 0-based
        bool error = true; // else a warning
        QString message;
        bool operator==(const Mark &) const = default;
    };

    explicit CodeEditor(QWidget *parent = nullptr);

    // A definition of syntaxRepository() by name ("Job Script", "Bash").
    void setSyntax(const QString &definitionName);
    void setMarks(const QList<Mark> &marks);
    const QList<Mark> &marks() const { return m_marks; }
    // The messages of the marks on a line, one per line of text; empty when it has none.
    QString messagesAt(int line) const;
    // Puts the cursor at the start of a line and shows it.
    void goToLine(int line);

    int gutterWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    friend class CodeEditorGutter;
    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateSelections();

    QWidget *m_gutter;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QList<Mark> m_marks;
};

} // namespace ui
