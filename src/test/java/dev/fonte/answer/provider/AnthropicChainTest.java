package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.AnthropicFakeServer;

class AnthropicChainTest extends ProviderChainContractTest {

    @Override
    Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    FakeModelServer startServer() {
        return new AnthropicFakeServer();
    }
}
