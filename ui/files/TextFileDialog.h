#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace ui {

// A remote text file opened for editing: highlighted by its name, saved back through save(), which
// gets the new contents and answers with an error (empty when it worked).
class TextFileDialog : public QDialog
{
    Q_OBJECT

public:
    using Saver = std::function<void(const QByteArray &contents, std::function<void(const QString &error)> done)>;

    TextFileDialog(const QString &remotePath, const QByteArray &contents, Saver saver, QWidget *parent = nullptr);
    ~TextFileDialog() override;

    QPlainTextEdit *editor() const { return m_editor; }
    bool isModified() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void save();
    bool confirmDiscard();

    QString m_remotePath;
    Saver m_saver;
    QPlainTextEdit *m_editor;
    QLabel *m_status;
    QPushButton *m_save;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    bool m_saving = false;
};

} // namespace ui
