// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/InteractiveRequest.h"

using namespace Qt::StringLiterals;

namespace app {

QJsonObject InteractiveRequest::toJson() const
{
    return QJsonObject{
        {u"partition"_s, partition}, {u"timeLimit"_s, timeLimit}, {u"memory"_s, memory},
        {u"gpus"_s, gpus},           {u"account"_s, account},     {u"qos"_s, qos},
        {u"cpus"_s, cpus},
    };
}

InteractiveRequest InteractiveRequest::fromJson(const QJsonObject &object)
{
    InteractiveRequest request;
    request.partition = object.value(u"partition"_s).toString();
    request.timeLimit = object.value(u"timeLimit"_s).toString();
    request.memory = object.value(u"memory"_s).toString();
    request.gpus = object.value(u"gpus"_s).toString();
    request.account = object.value(u"account"_s).toString();
    request.qos = object.value(u"qos"_s).toString();
    request.cpus = qMax(1, object.value(u"cpus"_s).toInt(1));
    return request;
}

} // namespace app
