// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshConnectionSettings.h"
#include "sshcore/SshInteraction.h"
#include "sshcore/UnattendedLogin.h"

#include <QSet>

namespace sshcore {

// Answers a connection's questions for nobody: the host key only if it is the one the first
// session saw, a password or passphrase only from what that session's login used without a person
// (each once: a second question means it was refused), and no keyboard-interactive prompt (a second
// factor) at all. A session that needs more fails, and nobody is asked.
class UnattendedInteraction : public SshInteraction
{
    Q_OBJECT

public:
    UnattendedInteraction(UnattendedLogin login, const SshConnectionSettings &settings, QObject *parent = nullptr);

    void askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer) override;
    void askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer) override;
    void askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                std::function<void(std::optional<QStringList>)> answer) override;
    AnswerSource lastSecretSource() const override { return AnswerSource::Remembered; }

private:
    bool isOurServer(const QString &host, const QString &user) const;

    UnattendedLogin m_login;
    QString m_host;
    quint16 m_port;
    QString m_user;
    QSet<QString> m_given; // "password", or a key file: given once already
};

} // namespace sshcore
