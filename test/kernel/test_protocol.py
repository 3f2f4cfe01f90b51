"""The rnnlab kernel speaks the Jupyter messaging protocol where plain tslab falls short (issue 3)."""
import json
import signal
import time

import pytest

SETUP = 'import { display, clearOutput, registerCommTarget, openComm, MIME_BUNDLE } from "rnnlab";'


@pytest.fixture(scope="module", autouse=True)
def imports(kernel):
    assert kernel.execute(SETUP).status == "ok"


def test_kernel_info_names_rnnlab_and_the_protocol(kernel):
    msg_id = kernel.client.kernel_info()
    content = kernel.shell_reply(msg_id)["content"]
    assert content["status"] == "ok"
    assert content["implementation"] == "rnnlab"
    assert content["protocol_version"] == "5.3"
    assert content["language_info"]["name"] == "typescript"
    assert content["language_info"]["version"].startswith("5.0")


def test_last_expression_is_an_execute_result_with_a_mime_bundle(kernel):
    result = kernel.execute("1 + 41")
    [out] = result.of_type("execute_result")
    assert out["content"]["data"] == {"text/plain": "42"}
    assert out["content"]["execution_count"] == result.reply["content"]["execution_count"]
    assert result.stream() == ""


def test_rich_values_offer_every_mime_type_they_have(kernel):
    result = kernel.execute(
        'const rich = { [MIME_BUNDLE]: () => ({ "text/html": "<b>rich</b>", "text/markdown": "**rich**" }) };\nrich'
    )
    [out] = result.of_type("execute_result")
    data = out["content"]["data"]
    assert data["text/html"] == "<b>rich</b>" and data["text/markdown"] == "**rich**"
    assert "text/plain" in data


def test_runtime_error_is_an_error_message_and_the_next_request_runs(kernel):
    failing = kernel.send('throw new RangeError("bad range");')
    following = kernel.send('"still alive"', stop_on_error=False)
    result = kernel.result(failing)
    [error] = result.of_type("error")
    assert error["content"]["ename"] == "RangeError"
    assert error["content"]["evalue"] == "bad range"
    assert error["content"]["traceback"][0] == "RangeError: bad range"
    assert result.reply["content"]["status"] == "error"
    assert result.reply["content"]["ename"] == "RangeError"
    assert kernel.result(following).status == "ok"
    # A request sent right after the error reply is not aborted (tslab aborted for 200 ms).
    assert kernel.execute("1").status == "ok"


def test_stop_on_error_aborts_only_what_was_queued_before_the_failure(kernel):
    failing = kernel.send('await new Promise((r) => setTimeout(r, 300)); throw new Error("boom");')
    queued = kernel.send('"never runs"')
    assert kernel.result(failing).status == "error"
    assert kernel.result(queued).status == "aborted"
    assert kernel.execute('"runs"').status == "ok"


def test_type_errors_are_error_messages(kernel):
    result = kernel.execute('const s: string = 5;')
    [error] = result.of_type("error")
    assert error["content"]["ename"] == "TypeScriptError"
    assert "Type 'number' is not assignable to type 'string'" in error["content"]["evalue"]


def test_display_sends_a_bundle_with_metadata_and_updates_by_display_id(kernel):
    result = kernel.execute(
        'const h = display({ "text/plain": "v1", "text/html": "<i>v1</i>" }, '
        '{ metadata: { "text/html": { isolated: true } } });\n'
        'h.update({ "text/plain": "v2", "text/html": "<i>v2</i>" });\n'
        'clearOutput({ wait: true });'
    )
    assert result.status == "ok"
    [shown] = result.of_type("display_data")
    assert shown["content"]["data"] == {"text/plain": "v1", "text/html": "<i>v1</i>"}
    assert shown["content"]["metadata"] == {"text/html": {"isolated": True}}
    display_id = shown["content"]["transient"]["display_id"]
    [updated] = result.of_type("update_display_data")
    assert updated["content"]["transient"]["display_id"] == display_id
    assert updated["content"]["data"]["text/plain"] == "v2"
    [cleared] = result.of_type("clear_output")
    assert cleared["content"] == {"wait": True}


def test_output_of_a_callback_goes_to_the_cell_that_started_it(kernel):
    first = kernel.send('setTimeout(() => { console.log("late line"); display({ "text/plain": "late display" }); }, 800); "started"')
    kernel.result(first)
    second = kernel.send('await new Promise((r) => setTimeout(r, 1500)); console.log("second cell");')
    kernel.result(second)
    late = [m for m in kernel.messages_for(first)
            if m["msg_type"] == "stream" and "late line" in m["content"]["text"]]
    assert len(late) == 1
    assert any(m["msg_type"] == "display_data" for m in kernel.messages_for(first))
    second_text = "".join(m["content"].get("text", "") for m in kernel.messages_for(second))
    assert second_text == "second cell\n"


def test_comm_info_reply_lists_open_comms(kernel):
    assert kernel.execute('const c = openComm("rnnlab.test.front", { hello: 1 });').status == "ok"
    opened = [m for m in kernel.iopub if m["msg_type"] == "comm_open"
              and m["content"]["target_name"] == "rnnlab.test.front"]
    assert opened and opened[-1]["content"]["data"] == {"hello": 1}
    msg_id = kernel.client.comm_info(target_name="rnnlab.test.front")
    reply = kernel.shell_reply(msg_id)
    assert reply["msg_type"] == "comm_info_reply"
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["comms"] == {opened[-1]["content"]["comm_id"]: {"target_name": "rnnlab.test.front"}}


def test_comm_round_trip_from_the_frontend(kernel):
    assert kernel.execute(
        'registerCommTarget("rnnlab.test.echo", (comm, data) => {\n'
        '  comm.send({ opened: data });\n'
        '  comm.onMsg((msg) => comm.send({ echo: msg }));\n'
        '  comm.onClose(() => console.log("closed by frontend"));\n'
        '});'
    ).status == "ok"
    session = kernel.client.session
    comm_id = "c0ffee"
    open_msg = session.msg("comm_open", {"comm_id": comm_id, "target_name": "rnnlab.test.echo", "data": {"x": 1}})
    kernel.client.shell_channel.send(open_msg)
    msg = session.msg("comm_msg", {"comm_id": comm_id, "data": {"ping": 2}})
    kernel.client.shell_channel.send(msg)
    kernel.wait_idle(msg["header"]["msg_id"])
    close = session.msg("comm_close", {"comm_id": comm_id, "data": {}})
    kernel.client.shell_channel.send(close)
    kernel.wait_idle(close["header"]["msg_id"])
    sent = [m["content"]["data"] for m in kernel.iopub
            if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id]
    assert sent == [{"opened": {"x": 1}}, {"echo": {"ping": 2}}]
    closed = [m for m in kernel.messages_for(close["header"]["msg_id"]) if m["msg_type"] == "stream"]
    assert closed and closed[0]["content"]["text"] == "closed by frontend\n"


def test_comm_open_to_an_unknown_target_is_closed(kernel):
    session = kernel.client.session
    open_msg = session.msg("comm_open", {"comm_id": "dead", "target_name": "no.such.target", "data": {}})
    kernel.client.shell_channel.send(open_msg)
    kernel.wait_idle(open_msg["header"]["msg_id"])
    assert any(m["msg_type"] == "comm_close" and m["content"]["comm_id"] == "dead" for m in kernel.iopub)


def interrupt_after(kernel, msg_id, seconds, how):
    time.sleep(seconds)
    if how == "message":
        kernel.manager.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on control
    else:
        kernel.manager.signal_kernel(signal.SIGINT)
    return kernel.result(msg_id, timeout=30)


@pytest.mark.parametrize("how", ["message", "signal"])
def test_interrupt_stops_an_awaiting_cell(kernel, how):
    started = time.monotonic()
    msg_id = kernel.send("await new Promise((r) => setTimeout(r, 60000));")
    result = interrupt_after(kernel, msg_id, 1.0, how)
    assert result.status == "error"
    assert result.reply["content"]["ename"] == "KeyboardInterrupt"
    assert time.monotonic() - started < 20
    assert kernel.execute('"alive"').status == "ok"


def test_interrupt_message_stops_a_blocking_loop(kernel):
    assert kernel.manager.kernel_spec.interrupt_mode == "message"
    msg_id = kernel.send("let spins = 0; while (true) { spins++; }")
    result = interrupt_after(kernel, msg_id, 1.5, "message")
    assert result.reply["content"]["ename"] == "KeyboardInterrupt"
    assert kernel.execute('"alive"').status == "ok"


def test_interrupted_fit_stops_cleanly_and_keeps_what_it_learnt(kernel):
    assert kernel.execute(
        'import { buildRnnProgressive, compileRnn } from "rnnlab";\n'
        'import * as tf from "@tensorflow/tfjs";\n'
        'const fitModel = compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: 4, numLayers: 1, seed: 1 }));\n'
        'const fx = tf.randomNormal([64, 5, 2]); const fy = tf.randomUniform([64, 1]).round();\n'
        'let epochsSeen = 0;\n'
        'const weightsBefore = Array.from(fitModel.getWeights()[0].dataSync());\n'
        'const running = fitModel.fit(fx, fy, { epochs: 100000, batchSize: 16, verbose: 0,\n'
        '  callbacks: { onEpochEnd: async () => { epochsSeen++; } } });'
    ).status == "ok"
    msg_id = kernel.send("const history = await running;")
    result = interrupt_after(kernel, msg_id, 2.0, "message")
    assert result.reply["content"]["ename"] == "KeyboardInterrupt"
    check = kernel.execute(
        'const h = await running;\n'
        'const seen = epochsSeen;\n'
        'await new Promise((r) => setTimeout(r, 500));\n'
        'const changed = Array.from(fitModel.getWeights()[0].dataSync()).some((v, i) => v !== weightsBefore[i]);\n'
        'JSON.stringify({ stopped: seen === epochsSeen, epochs: h.history.loss.length, seen, changed })'
    )
    [out] = check.of_type("execute_result")
    state = json.loads(out["content"]["data"]["text/plain"])
    assert state["stopped"] and state["changed"]
    assert state["epochs"] >= 1 and state["epochs"] in (state["seen"], state["seen"] + 1)


def test_shorthand_properties_can_name_variables_of_earlier_cells(kernel):
    """tslab alone fails here with "epochs is not defined"."""
    assert kernel.execute("const epochs = 3;").status == "ok"
    result = kernel.execute("JSON.stringify({ epochs })")
    assert result.status == "ok", result.reply["content"]
    assert result.of_type("execute_result")[0]["content"]["data"]["text/plain"] == '{"epochs":3}'
