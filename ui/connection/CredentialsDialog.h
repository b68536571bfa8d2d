// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshInteraction.h"

#include <QDialog>
#include <QList>

class QLineEdit;

namespace ui {

// Asks for what a login needs typed: a password, a key passphrase, or a server's keyboard-interactive
// prompts (a TOTP code, Duo), with the server's instructions and why a previous answer failed.
class CredentialsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CredentialsDialog(const sshcore::SshInteraction::SecretQuestion &question, QWidget *parent = nullptr);
    explicit CredentialsDialog(const sshcore::SshInteraction::KeyboardInteractiveQuestion &question,
                               QWidget *parent = nullptr);

    QStringList answers() const;
    QList<QLineEdit *> fields() const { return m_fields; }

private:
    void build(const QString &heading, const QString &detail, const QString &error, const QString &banner,
               const QList<sshcore::SshInteraction::Prompt> &prompts);

    QList<QLineEdit *> m_fields;
};

} // namespace ui
