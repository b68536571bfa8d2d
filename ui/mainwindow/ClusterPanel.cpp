// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/mainwindow/ClusterPanel.h"

#include "app/clusters/ClusterListModel.h"
#include "sshcore/SshConnectionState.h"
#include "ui/clusters/ConnectionStateIcon.h"
#include "ui/widgets/Fonts.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Palette.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ui {

using sshcore::SshConnectionState;

ClusterPanel::ClusterPanel(app::ClusterListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_dot(new QLabel(this))
    , m_name(new QLabel(this))
    , m_address(new QLabel(this))
    , m_state(new QLabel(this))
    , m_connect(new QPushButton(themedIcon(QStringLiteral("network-connect"), QStringLiteral("connect")),
                                tr("&Connect"), this))
    , m_disconnect(new QPushButton(themedIcon(QStringLiteral("network-disconnect"), QStringLiteral("disconnect")),
                                   tr("&Disconnect"), this))
    , m_edit(new QPushButton(themedIcon(QStringLiteral("document-edit"), QStringLiteral("edit")), tr("&Edit…"), this))
    , m_error(new QFrame(this))
    , m_errorText(new QLabel(m_error))
    , m_retry(new QPushButton(tr("&Retry"), m_error))
{
    setObjectName(QStringLiteral("clusterPanel"));
    m_name->setObjectName(QStringLiteral("clusterName"));
    makeHeading(m_name, 1.4);
    m_address->setObjectName(QStringLiteral("clusterAddress"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_state->setTextFormat(Qt::PlainText);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));

    m_error->setObjectName(QStringLiteral("connectionError"));
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setAutoFillBackground(true);
    m_errorText->setObjectName(QStringLiteral("errorText"));
    m_errorText->setWordWrap(true);
    m_errorText->setTextFormat(Qt::PlainText);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    auto *errorIcon = new QLabel(m_error);
    errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    errorIcon->setAlignment(Qt::AlignTop);
    auto *errorLayout = new QHBoxLayout(m_error);
    errorLayout->setContentsMargins(12, 10, 12, 10);
    errorLayout->addWidget(errorIcon);
    errorLayout->addWidget(m_errorText, 1);
    errorLayout->addWidget(m_retry, 0, Qt::AlignTop);

    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_dot);
    nameRow->addWidget(m_name);
    nameRow->addStretch(1);
    titles->addLayout(nameRow);
    titles->addWidget(m_address);
    titles->addWidget(m_state);

    auto *top = new QHBoxLayout;
    top->addLayout(titles, 1);
    top->addWidget(m_connect, 0, Qt::AlignTop);
    top->addWidget(m_disconnect, 0, Qt::AlignTop);
    top->addWidget(m_edit, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addLayout(top);
    layout->addWidget(m_error);

    connect(m_connect, &QPushButton::clicked, this, [this] { Q_EMIT connectRequested(m_id); });
    connect(m_retry, &QPushButton::clicked, this, [this] { Q_EMIT connectRequested(m_id); });
    connect(m_disconnect, &QPushButton::clicked, this, [this] { Q_EMIT disconnectRequested(m_id); });
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_id); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ClusterPanel::update);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ClusterPanel::update);
    update();
}

void ClusterPanel::setCluster(const QUuid &id)
{
    m_id = id;
    update();
}

void ClusterPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        update();
}

void ClusterPanel::update()
{
    const QModelIndex index = m_model->indexOf(m_id);
    setVisible(index.isValid());
    if (!index.isValid())
        return;
    const auto state = index.data(app::ClusterListModel::StateRole).value<SshConnectionState>();
    m_dot->setPixmap(connectionStateIcon(state,
                                         QColor::fromString(index.data(app::ClusterListModel::ColourRole).toString()),
                                         palette())
                         .pixmap(14, 14));
    m_name->setText(index.data(Qt::DisplayRole).toString());
    m_address->setText(index.data(app::ClusterListModel::AddressRole).toString());
    QString status = index.data(app::ClusterListModel::StatusTextRole).toString();
    if (state == SshConnectionState::Connected)
        status += QStringLiteral(" · ") + index.data(app::ClusterListModel::DescriptionRole).toString();
    m_state->setText(status);

    const bool open = state == SshConnectionState::Connecting || state == SshConnectionState::Authenticating
                      || state == SshConnectionState::Connected || state == SshConnectionState::Reconnecting;
    m_connect->setVisible(!open);
    m_disconnect->setVisible(open);
    m_disconnect->setText(state == SshConnectionState::Connected ? tr("&Disconnect") : tr("&Cancel"));

    const QString message = index.data(app::ClusterListModel::MessageRole).toString();
    const bool failed = state == SshConnectionState::Failed || state == SshConnectionState::Reconnecting;
    m_error->setVisible(failed && !message.isEmpty());
    m_retry->setVisible(state == SshConnectionState::Failed);
    m_errorText->setText(message);
    QPalette tinted = m_error->palette();
    const QColor accent = state == SshConnectionState::Failed ? palette::danger(palette())
                                                              : palette::warning(palette());
    tinted.setColor(QPalette::Window, palette::tint(accent, palette()));
    m_error->setPalette(tinted);
}

} // namespace ui
