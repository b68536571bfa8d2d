// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/connection/CredentialsDialog.h"

#include "ui/widgets/Fonts.h"
#include "ui/widgets/Palette.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ui {

using Question = sshcore::SshInteraction;

CredentialsDialog::CredentialsDialog(const Question::SecretQuestion &question, QWidget *parent)
    : QDialog(parent)
{
    const bool passphrase = question.kind == Question::SecretQuestion::Kind::KeyPassphrase;
    setObjectName(QStringLiteral("credentialsDialog"));
    setWindowTitle(passphrase ? tr("Key passphrase") : tr("Password"));
    build(passphrase ? tr("Unlock your key") : tr("Log in to %1").arg(question.host),
          passphrase ? tr("The key %1 is protected by a passphrase.").arg(question.keyFile)
                     : tr("Enter the password of %1 on %2.").arg(question.user, question.host),
          question.previousError, question.banner, {{passphrase ? tr("Passphrase:") : tr("Password:"), false}});
}

CredentialsDialog::CredentialsDialog(const Question::KeyboardInteractiveQuestion &question, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("credentialsDialog"));
    setWindowTitle(tr("Log in to %1").arg(question.host));
    QString detail = question.instruction.trimmed();
    if (!question.name.trimmed().isEmpty())
        detail = question.name.trimmed() + (detail.isEmpty() ? QString() : u'\n' + detail);
    if (detail.isEmpty())
        detail = tr("%1 asks %2 for more:").arg(question.host, question.user);
    build(tr("Log in to %1").arg(question.host), detail, question.previousError, question.banner, question.prompts);
}

void CredentialsDialog::build(const QString &heading, const QString &detail, const QString &error,
                              const QString &banner, const QList<Question::Prompt> &prompts)
{
    auto *title = new QLabel(heading, this);
    makeHeading(title, 1.2);
    auto *text = new QLabel(detail, this);
    text->setObjectName(QStringLiteral("detail"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    if (!banner.isEmpty()) {
        // What the server says to everyone before login (terms of use, maintenance notices).
        auto *message = new QLabel(banner, this);
        message->setObjectName(QStringLiteral("banner"));
        message->setTextFormat(Qt::PlainText);
        message->setWordWrap(true);
        message->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        message->setContentsMargins(8, 6, 8, 6);
        message->setBackgroundRole(QPalette::Base);
        message->setAutoFillBackground(true);
        // A long notice scrolls rather than pushing the password field off the screen.
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(message);
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setFrameShape(QFrame::StyledPanel);
        scroll->setMaximumHeight(message->fontMetrics().lineSpacing() * 8 + 16);
        layout->addWidget(scroll);
    }
    layout->addWidget(text);
    if (!error.isEmpty()) {
        auto *problem = new QLabel(error, this);
        problem->setObjectName(QStringLiteral("error"));
        problem->setWordWrap(true);
        palette::showAsProblem(problem);
        layout->addWidget(problem);
    }
    auto *form = new QFormLayout;
    for (const Question::Prompt &prompt : prompts) {
        auto *field = new QLineEdit(this);
        field->setEchoMode(prompt.echo ? QLineEdit::Normal : QLineEdit::Password);
        field->setMinimumWidth(240);
        form->addRow(prompt.text.trimmed(), field);
        m_fields.append(field);
    }
    layout->addSpacing(6);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log &in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(banner.isEmpty() ? 440 : 560);
    if (!m_fields.isEmpty())
        m_fields.first()->setFocus();
}

QStringList CredentialsDialog::answers() const
{
    QStringList values;
    for (const QLineEdit *field : m_fields)
        values.append(field->text());
    return values;
}

} // namespace ui
