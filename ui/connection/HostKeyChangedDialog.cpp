// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/connection/HostKeyChangedDialog.h"

#include "ui/widgets/Fonts.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ui {

HostKeyChangedDialog::HostKeyChangedDialog(const sshcore::SshInteraction::HostKeyChange &change, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyChangedDialog"));
    setWindowTitle(tr("Host key changed"));

    // A red band across the top: this is not a question.
    auto *band = new QWidget(this);
    band->setObjectName(QStringLiteral("warningBand"));
    band->setAutoFillBackground(true);
    QPalette bandPalette = band->palette();
    bandPalette.setColor(QPalette::Window, QColor(0xb3, 0x26, 0x1e)); // red on light and dark alike
    bandPalette.setColor(QPalette::WindowText, Qt::white);
    band->setPalette(bandPalette);
    auto *icon = new QLabel(band);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(40, 40));
    auto *heading = new QLabel(tr("Warning: the host key of %1 has changed").arg(change.key.host), band);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setWordWrap(true);
    makeHeading(heading, 1.25, QFont::Bold);
    auto *bandLayout = new QHBoxLayout(band);
    bandLayout->setContentsMargins(16, 14, 16, 14);
    bandLayout->addWidget(icon);
    bandLayout->addSpacing(8);
    bandLayout->addWidget(heading, 1);

    auto *explanation =
        new QLabel(tr("<p>The server at %1 (port %2) presents a different key from the one saved in <tt>%3</tt>. "
                      "Someone could be intercepting the connection, or the server was reinstalled.</p>"
                      "<p><b>clusterdesk did not log in and sent no password or key.</b></p>"
                      "<p>Ask your cluster's administrators whether the key changed. Only if they confirm it, "
                      "remove the old key with the command below and connect again: you will then be shown the "
                      "new fingerprint to compare.</p>")
                       .arg(change.key.host.toHtmlEscaped())
                       .arg(change.key.port)
                       .arg(change.key.knownHostsFile.toHtmlEscaped()),
                   this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setWordWrap(true);

    auto *fingerprintCaption = new QLabel(tr("The server now presents this %1 key:").arg(change.key.keyType), this);
    auto *fingerprint = new QLabel(change.key.fingerprintSha256, this);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *command = new QLabel(change.removeCommand, this);
    command->setObjectName(QStringLiteral("removeCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    command->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *copy = buttons->addButton(tr("&Copy command"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyCommand"));
    copy->setAutoDefault(false);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("close"));
    close->setDefault(true);
    connect(copy, &QPushButton::clicked, this,
            [command = change.removeCommand] { QApplication::clipboard()->setText(command); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *body = new QVBoxLayout;
    body->setContentsMargins(16, 12, 16, 12);
    body->addWidget(explanation);
    body->addSpacing(4);
    body->addWidget(fingerprintCaption);
    body->addWidget(fingerprint);
    body->addSpacing(8);
    body->addWidget(command);
    body->addSpacing(8);
    body->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(band);
    layout->addLayout(body);
    setMinimumWidth(560);
}

} // namespace ui
