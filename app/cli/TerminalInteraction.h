// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshInteraction.h"

namespace cli {

// Answers a connection's questions on the controlling terminal, like ssh does: host keys with
// yes/no, secrets without echo. With no terminal (or --batch), every question is declined.
class TerminalInteraction : public sshcore::SshInteraction
{
public:
    explicit TerminalInteraction(bool batch, QObject *parent = nullptr);

    void askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer) override;
    void askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer) override;
    void askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                std::function<void(std::optional<QStringList>)> answer) override;
    void showBanner(const QString &banner) override;

private:
    std::optional<QString> readLine(const QString &prompt, bool echo);
    bool m_batch;
};

} // namespace cli
