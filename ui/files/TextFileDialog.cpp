// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/TextFileDialog.h"

#include "app/files/RemoteTextFile.h"
#include "sshcore/RemotePath.h"
#include "ui/widgets/Palette.h"
#include "ui/widgets/Syntax.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

TextFileDialog::TextFileDialog(app::RemoteTextFile *file, const QByteArray &contents, QWidget *parent)
    : QDialog(parent)
    , m_file(file)
    , m_remotePath(QString::fromUtf8(file->path()))
    , m_editor(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_save(nullptr)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document()))
{
    m_file->setParent(this); // its local copy lives as long as this window
    setObjectName(QStringLiteral("TextFileDialog"));
    const QString name = QString::fromUtf8(sshcore::RemotePath::baseName(file->path()));
    setWindowTitle(tr("%1[*] — on the cluster").arg(name));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(820, 620);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setPlainText(QString::fromUtf8(contents));
    m_editor->document()->setModified(false);
    applySyntaxTheme(m_highlighter, palette());
    m_highlighter->setDefinition(syntaxRepository().definitionForFileName(name));

    auto *path = new QLabel(m_remotePath, this);
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
    connect(m_file, &app::RemoteTextFile::saved, this, &TextFileDialog::saved);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        m_save->setEnabled(modified && !m_file->isSaving());
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
    if (m_file->isSaving())
        return;
    m_save->setEnabled(false);
    m_status->setText(tr("Saving to the cluster…"));
    m_status->setStyleSheet({});
    m_savedText = m_editor->toPlainText().toUtf8();
    m_file->save(m_savedText);
}

void TextFileDialog::saved(const QString &error)
{
    if (error.isEmpty()) {
        // Typing on while it was saved leaves it modified. (Not the document's revision: the
        // highlighter's first pass, which may come during the save, changes that too.)
        if (m_editor->toPlainText().toUtf8() == m_savedText)
            m_editor->document()->setModified(false);
        m_status->setText(tr("Saved."));
    } else {
        m_closeAfterSave = false;
        m_status->setText(tr("Not saved: %1").arg(error));
        palette::showAsProblem(m_status);
    }
    m_save->setEnabled(isModified());
    if (m_closeAfterSave && !isModified())
        close();
}

void TextFileDialog::askBeforeClosing()
{
    if (m_question)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("Save your changes to %1 on the cluster?").arg(m_remotePath),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("UnsavedChangesQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Save);
    connect(box, &QMessageBox::finished, this, [this, box] {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            m_closeAfterSave = true; // once it is on the cluster
            save();
            break;
        case QMessageBox::Discard:
            m_discard = true;
            close();
            break;
        default: break;
        }
    });
    m_question = box;
    box->open();
}

void TextFileDialog::closeEvent(QCloseEvent *event)
{
    if (!isModified() || m_discard) {
        event->accept();
        return;
    }
    event->ignore();
    askBeforeClosing();
}

void TextFileDialog::reject()
{
    if (!isModified() || m_discard)
        QDialog::reject();
    else
        askBeforeClosing();
}

} // namespace ui
