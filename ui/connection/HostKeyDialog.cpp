// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/connection/HostKeyDialog.h"

#include "ui/widgets/Fonts.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ui {

using Decision = sshcore::SshInteraction::HostKeyDecision;

HostKeyDialog::HostKeyDialog(const sshcore::SshInteraction::HostKeyQuestion &question, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("New host key"));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(tr("<b>Is this really %1?</b>").arg(question.host.toHtmlEscaped()), this);
    makeHeading(heading, 1.2);

    auto *explanation = new QLabel(
        tr("clusterdesk has not connected to %1 (port %2) before. Compare the fingerprint below with the one "
           "your cluster's documentation or administrators publish. If they differ, do not connect.")
            .arg(question.host.toHtmlEscaped())
            .arg(question.port),
        this);
    explanation->setWordWrap(true);

    auto *fingerprint = new QLabel(question.fingerprintSha256, this);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *keyType = new QLabel(tr("%1 key").arg(question.keyType), this);
    QPalette muted = keyType->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    keyType->setPalette(muted);

    auto *remember = new QLabel(tr("\"Trust and remember\" saves the key in %1, as ssh does.")
                                    .arg(question.knownHostsFile.toHtmlEscaped()),
                                this);
    remember->setWordWrap(true);
    remember->setPalette(muted);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *always = buttons->addButton(tr("Trust and &remember"), QDialogButtonBox::AcceptRole);
    always->setObjectName(QStringLiteral("trustAlways"));
    QPushButton *once = buttons->addButton(tr("Trust &once"), QDialogButtonBox::AcceptRole);
    once->setObjectName(QStringLiteral("trustOnce"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancel"));
    cancel->setDefault(true); // Enter must never trust a key
    connect(always, &QPushButton::clicked, this, [this] {
        m_decision = Decision::AcceptAndSave;
        accept();
    });
    connect(once, &QPushButton::clicked, this, [this] {
        m_decision = Decision::AcceptOnce;
        accept();
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(heading);
    text->addWidget(explanation);
    text->addSpacing(8);
    text->addWidget(fingerprint);
    text->addWidget(keyType);
    text->addSpacing(8);
    text->addWidget(remember);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addSpacing(8);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

} // namespace ui
