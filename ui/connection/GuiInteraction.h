// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshInteraction.h"

#include <QPointer>
#include <QWidget>

namespace ui {

// Answers a connection's questions with dialogs over a window, without blocking the GUI thread: each
// dialog is opened window-modally and answers when it closes (a closed window cancels).
class GuiInteraction : public sshcore::SshInteraction
{
    Q_OBJECT

public:
    explicit GuiInteraction(QWidget *window, QObject *parent = nullptr);

    void askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer) override;
    void askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer) override;
    void askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                std::function<void(std::optional<QStringList>)> answer) override;
    void warnHostKeyChanged(const HostKeyChange &change) override;

private:
    QPointer<QWidget> m_window;
};

} // namespace ui
