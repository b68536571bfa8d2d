#include "ui/files/TextFileDialog.h"

#include "ui/widgets/Palette.h"
#include "ui/widgets/Syntax.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

TextFileDialog::TextFileDialog(const QString &remotePath, const QByteArray &contents, Saver saver, QWidget *parent)
    : QDialog(parent)
    , m_remotePath(remotePath)
    , m_saver(std::move(saver))
    , m_editor(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_save(nullptr)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document()))
{
    setObjectName(QStringLiteral("TextFileDialog"));
    setWindowTitle(tr("%1[*] — on the cluster").arg(QFileInfo(remotePath).fileName()));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(820, 620);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setPlainText(QString::fromUtf8(contents));
    m_editor->document()->setModified(false);
    applySyntaxTheme(m_highlighter, palette());
    m_highlighter->setDefinition(syntaxRepository().definitionForFileName(QFileInfo(remotePath).fileName()));

    auto *path = new QLabel(remotePath, this);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setEnabled(false);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(path);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &TextFileDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &TextFileDialog::reject);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        m_save->setEnabled(modified && !m_saving);
        setWindowModified(modified);
    });
}

TextFileDialog::~TextFileDialog() = default;

bool TextFileDialog::isModified() const
{
    return m_editor->document()->isModified();
}

void TextFileDialog::save()
{
    if (m_saving)
        return;
    m_saving = true;
    m_save->setEnabled(false);
    m_status->setText(tr("Saving to the cluster…"));
    m_status->setStyleSheet({});
    const int revision = m_editor->document()->revision();
    m_saver(m_editor->toPlainText().toUtf8(), [self = QPointer<TextFileDialog>(this), revision](const QString &error) {
        if (!self)
            return;
        self->m_saving = false;
        if (error.isEmpty()) {
            if (self->m_editor->document()->revision() == revision)
                self->m_editor->document()->setModified(false);
            self->m_status->setText(tr("Saved."));
        } else {
            self->m_status->setText(tr("Not saved: %1").arg(error));
            palette::showAsProblem(self->m_status);
        }
        self->m_save->setEnabled(self->m_editor->document()->isModified());
    });
}

bool TextFileDialog::confirmDiscard()
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("Save your changes to %1 on the cluster?").arg(m_remotePath),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        save();
        return false; // stays open until saved; closing again then goes through
    }
    return answer == QMessageBox::Discard;
}

void TextFileDialog::closeEvent(QCloseEvent *event)
{
    if (confirmDiscard())
        event->accept();
    else
        event->ignore();
}

void TextFileDialog::reject()
{
    if (confirmDiscard())
        QDialog::reject();
}

} // namespace ui
