// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QMessageBox;
class QPlainTextEdit;
class QPushButton;

namespace app {
class RemoteTextFile;
}

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace ui {

// A remote text file opened for editing: highlighted by its name, saved back through its
// app::RemoteTextFile (which this window takes over). Closing with unsaved changes asks first, in a
// box that does not block the application.
class TextFileDialog : public QDialog
{
    Q_OBJECT

public:
    TextFileDialog(app::RemoteTextFile *file, const QByteArray &contents, QWidget *parent = nullptr);
    ~TextFileDialog() override;

    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *status() const { return m_status; } // saving, saved, or why not
    bool isModified() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void save();
    void saved(const QString &error);
    void askBeforeClosing();

    app::RemoteTextFile *m_file;
    QString m_remotePath;
    QPlainTextEdit *m_editor;
    QLabel *m_status;
    QPushButton *m_save;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QPointer<QMessageBox> m_question;
    QByteArray m_savedText;        // what is being saved
    bool m_closeAfterSave = false; // the person chose Save when closing
    bool m_discard = false;        // ... or Discard
};

} // namespace ui
